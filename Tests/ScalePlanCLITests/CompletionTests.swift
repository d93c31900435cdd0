import Foundation
import Testing

@testable import ScalePlanCLI
@testable import ScalePlanKit

/// `scaleplan __complete` decides; the scripts only show. The engine is checked through the
/// hidden command, and each script in its real shell (bash, zsh, fish) with the built binary on
/// `PATH`, in a folder holding a sub-folder, a JSON file and a text file.
@Suite struct CompletionTests {
    static let shells = ["bash", "zsh", "fish"]

    /// The words `__complete bash` answers for `words` with the cursor on the last word.
    func answer(_ words: [String], shell: String = "bash") -> [String] {
        let result = runCLI(["__complete", shell, String(words.count - 1)] + words)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func commandsProfilesAndOptions() {
        let commands = answer(["scaleplan", ""])
        #expect(commands.contains("simulate") && commands.contains("diff") && commands.contains("schema"))
        #expect(!commands.contains { $0.hasPrefix("__") }, "hidden commands are not offered")
        #expect(answer(["scaleplan", "si"]) == ["simulate"])
        #expect(answer(["scaleplan", "show", ""]) == bundledIDs + [":json"])
        #expect(answer(["scaleplan", "show", "m"]) == ["million", "musician", ":json"])
        #expect(answer(["scaleplan", "simulate", "sayar", "--mo"]) == ["--months"])
        #expect(answer(["scaleplan", "simulate", "sayar", "--format", ""]) == ["table", "json", "csv", "markdown"])
        #expect(answer(["scaleplan", "simulate", "sayar", "--format=j"]) == ["--format=json"])
        #expect(answer(["scaleplan", "simulate", "sayar", "-o", ""]) == [":files"])
        #expect(answer(["scaleplan", "completions", ""]) == ["bash", "zsh", "fish"])
        #expect(answer(["scaleplan", "nonsense", ""]).isEmpty)
    }

    /// After `diff <profile>` come that profile's tier ids (or a second profile file).
    @Test func tierIdsAfterDiffProfile() {
        #expect(answer(["scaleplan", "diff", "sayar", ""]) == ["starter", "growth", "scale", "enterprise", ":json"])
        #expect(answer(["scaleplan", "diff", "sayar", "starter", "g"]) == ["growth"])
        // A tier's options are tiers of their own for diff: `tier/option`.
        #expect(answer(["scaleplan", "diff", "million", "phase-3", "phase-3/"]) == ["phase-3/railway"])
        #expect(answer(["scaleplan", "check", "million", "--tier", "phase-3"]) == ["phase-3"])
        #expect(answer(["scaleplan", "capacity", "sayar", "--tier", ""]) == ["starter", "growth", "scale", "enterprise"])
        #expect(answer(["scaleplan", "diff", "nonexistent", ""]) == [":json"])
    }

    /// An option's value is never taken for the profile: `--months 6 oviya --scenario` offers
    /// oviya's scenarios.
    @Test func optionValuesAreNotTheProfile() {
        let scenarios = answer(["scaleplan", "simulate", "--months", "6", "oviya", "--scenario", ""])
        #expect(scenarios == ["seed", "slow", "fast"])
        #expect(answer(["scaleplan", "simulate", "--months", "6", ""]) == bundledIDs + [":json"])
        #expect(answer(["scaleplan", "simulate", "--months", ""]).isEmpty, "a number is typed, nothing offered")
        #expect(answer(["scaleplan", "simulate", "--", "-x", "--scenario", ""]).isEmpty, "after -- nothing is an option")
    }

    /// zsh and fish get the whole description; zsh's word separator is escaped.
    @Test func descriptionsAreWhole() {
        let fish = answer(["scaleplan", "simulate", "sayar", "--months"], shell: "fish")
        #expect(fish == ["--months\tMonths to project, 1 to 1200 (default: the scenario's horizon, else 36)."])
        let zsh = answer(["scaleplan", "simulate", "--months", "6", "oviya", "--scenario", ""], shell: "zsh")
        #expect(zsh.first == "seed:The seed's own timeline")
        let command = answer(["scaleplan", "ro"], shell: "zsh")
        #expect(command.count == 1 && command[0].hasPrefix("roadmap:") && command[0].count > "roadmap:".count + 10)
        #expect(runCLI(["completions", "tcsh"]).status == 64)
    }

    @Test(arguments: shells)
    func scriptsRegisterAndAskTheBinary(shell: String) {
        let result = runCLI(["completions", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("scaleplan __complete \(shell)"))
        let registration = [
            "bash": "complete -o filenames -F _scaleplan scaleplan", "zsh": "compdef _scaleplan scaleplan",
            "fish": "complete -c scaleplan",
        ][shell]!
        #expect(result.stdout.contains(registration))
    }

    // MARK: In the real shells

    /// A folder to complete in, the script for `shell` in it, and `PATH` with the built binary
    /// first.
    struct Workspace {
        let folder: String
        let script: String
        let environment: [String: String]

        init(shell: String) throws {
            folder = try temporaryFolder()
            try FileManager.default.createDirectory(atPath: folder + "/plans", withIntermediateDirectories: true)
            try FileIO.writeAtomically(Array("{}".utf8), to: folder + "/mine.json")
            try FileIO.writeAtomically(Array("x".utf8), to: folder + "/notes.txt")
            try FileIO.writeAtomically(Array("{}".utf8), to: folder + "/plans/next.json")
            script = folder + "/completion." + shell
            try FileIO.writeAtomically(Array(runCLI(["completions", shell]).stdout.utf8), to: script)
            let binary = try Tools.scaleplan.required()
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            environment = [
                "PATH": ProfileLibrary.parent(of: binary) + ":" + path, "SCALEPLAN_PROFILES": repositoryRoot + "/profiles",
                "HOME": folder, "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder,
            ]
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Runs `_scaleplan` in bash with `COMP_WORDS` set as the shell sets them, and returns
    /// `COMPREPLY`.
    func bash(_ words: [String], in workspace: Workspace) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let program = """
            source \(workspace.script)
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
            _scaleplan
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runProcess(
            try Tools.bash.required(), ["--norc", "-c", program], environment: workspace.environment, directory: workspace.folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesTiersScenariosAndFolders() throws {
        let workspace = try Workspace(shell: "bash")
        defer { workspace.remove() }
        #expect(
            try bash(["scaleplan", "diff", "sayar", ""], in: workspace) == [
                "starter", "growth", "scale", "enterprise", "plans", "mine.json",
            ])
        #expect(
            try bash(["scaleplan", "simulate", "--months", "6", "oviya", "--scenario", "s"], in: workspace) == ["seed", "slow"])
        let profiles = try bash(["scaleplan", "show", ""], in: workspace)
        #expect(profiles == bundledIDs + ["plans", "mine.json"], "JSON files and folders, not notes.txt")
        #expect(try bash(["scaleplan", "show", "plans/"], in: workspace) == ["plans/next.json"], "into the folder")
        #expect(
            Set(try bash(["scaleplan", "simulate", "sayar", "-o", ""], in: workspace)) == [
                "plans", "mine.json", "notes.txt", "completion.bash",
            ])
        // bash splits `--format=j` at the `=` (COMP_WORDBREAKS): the value is still completed.
        #expect(try bash(["scaleplan", "simulate", "sayar", "--format", "=", "j"], in: workspace) == ["json"])
        #expect(try bash(["scaleplan", "check", "sayar", "--fail-on", "="], in: workspace) == ["info", "warning", "critical"])
        #expect(try bash(["scaleplan", "check", "sayar", "--observed", "=", "mi"], in: workspace) == ["mine.json"])
        #expect(try bash(["scaleplan", "simulate", "sayar", "--format", "=", "csv", "--mo"], in: workspace) == ["--months"])
    }

    /// Runs `_scaleplan` in zsh with `words` and `CURRENT` set, `_describe` and `_files`
    /// replaced by functions that print what they were given.
    func zsh(_ words: [String], in workspace: Workspace) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let program = """
            compdef() { : }
            _describe() { local name=${@[-1]}; printf 'describe %s\\n' "${(@P)name}" }
            _files() { print -r -- "files $*" }
            source \(workspace.script)
            words=(\(quoted)); CURRENT=\(words.count)
            _scaleplan
            """
        let result = try runProcess(
            try Tools.zsh.required(), ["-f", "-c", program], environment: workspace.environment, directory: workspace.folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.requires(Tools.zsh)) func zshDescribesEveryCandidate() throws {
        let workspace = try Workspace(shell: "zsh")
        defer { workspace.remove() }
        #expect(
            try zsh(["scaleplan", "diff", "sayar", ""], in: workspace) == [
                "files -g *.json", "describe starter:Starter", "describe growth:Growth", "describe scale:Scale",
                "describe enterprise:Enterprise",
            ])
        let options = try zsh(["scaleplan", "simulate", "sayar", "--th"], in: workspace)
        #expect(
            options == ["describe --threads:Worker threads (default: all cores); the output does not depend on it."], "\(options)"
        )
        #expect(try zsh(["scaleplan", "roadmap", "sayar", "-o", ""], in: workspace) == ["files "])
    }

    /// Asks fish what it would offer (`complete -C`).
    func fish(_ line: String, in workspace: Workspace) throws -> [String] {
        let program = "source \(workspace.script); complete -C '\(line)'"
        let result = try runProcess(
            try Tools.fish.required(), ["--no-config", "-c", program], environment: workspace.environment,
            directory: workspace.folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.requires(Tools.fish)) func fishOffersWholeDescriptionsAndFolders() throws {
        let workspace = try Workspace(shell: "fish")
        defer { workspace.remove() }
        let tiers = try fish("scaleplan diff sayar ", in: workspace)
        for tier in ["starter\tStarter", "growth\tGrowth", "scale\tScale", "enterprise\tEnterprise", "mine.json", "plans/"] {
            #expect(tiers.contains(tier), "\(tier) in \(tiers)")
        }
        #expect(!tiers.contains { $0.hasPrefix("notes.txt") })
        let scenarios = try fish("scaleplan simulate --months 6 oviya --scenario f", in: workspace)
        #expect(scenarios == ["fast\tFast: viral launch, milestones in about two-thirds of the time"])
        let options = try fish("scaleplan simulate sayar --mon", in: workspace)
        #expect(options == ["--months\tMonths to project, 1 to 1200 (default: the scenario's horizon, else 36)."])
    }
}
