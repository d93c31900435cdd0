import Foundation
import Testing

@testable import ScalePlanKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `-o FILE` never destroys an input, keeps what the user set on the target (link, mode), and
/// leaves no temporary file behind even when stopped by a signal mid-write; standard output that
/// cannot be written is an error, and a closed pipe ends quietly.
@Suite struct OutputFileTests {
    /// `-o` naming one of the inputs (directly or through a link) is refused with 73 before
    /// any work, and the input is untouched.
    @Test func anInputIsNeverTheOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = folder + "/plan.json", csv = folder + "/growth.csv", observed = folder + "/now.csv"
        try FileIO.writeAtomically(Array(sayarJSON.utf8), to: profile)
        try FileIO.writeAtomically(Array("0,20\n1,30\n".utf8), to: csv)
        try FileIO.writeAtomically(Array("businesses,48\n".utf8), to: observed)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: profile)
        let cases: [([String], String)] = [
            (["simulate", profile, "-o", profile], profile),
            (["simulate", profile, "-o", folder + "/link.json"], profile),
            (["simulate", folder + "/link.json", "-o", folder + "/./plan.json"], profile),
            (["simulate", profile, "--growth-csv", csv, "--format", "csv", "-o", csv], csv),
            (["check", profile, "--observed", observed, "-o", observed], observed),
            (["roadmap", profile, "-o", profile], profile),
        ]
        for (arguments, input) in cases {
            let before = try FileIO.read(input, limit: 1 << 22)
            let result = runCLI(arguments)
            #expect(result.status == 73, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("it is also an input"), "\(result.stderr)")
            #expect(try FileIO.read(input, limit: 1 << 22) == before, "\(input) unchanged")
        }
    }

    /// Standard input redirected from a file is that file: `-o` over it is refused too
    /// (`simulate - -o p.json < p.json`, and `-o /dev/stdin`).
    @Test func standardInputFromTheTargetIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profile = folder + "/p.json"
        try FileIO.writeAtomically(Array(sayarJSON.utf8), to: profile)
        let binary = try Tools.scaleplan.required()
        for command in [
            "'\(binary)' simulate - -o '\(profile)' < '\(profile)'", "'\(binary)' show - -o /dev/stdin < '\(profile)'",
        ] {
            let result = try runProcess("/bin/sh", ["-c", command + "; echo \"status $?\""])
            #expect(result.stdout.hasSuffix("status 73\n"), "\(command): \(result.stdout) \(result.stderr)")
            #expect(result.stderr.contains("it is also an input (the profile from standard input)"), "\(result.stderr)")
            #expect(String(decoding: try FileIO.read(profile, limit: 1 << 22), as: UTF8.self) == sayarJSON)
        }
    }

    /// A loop of links is an error (73), not a link replaced by a file; a set-user-ID bit is
    /// kept like the rest of the mode.
    @Test func linkLoopsAndSpecialModeBits() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop1", withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop2", withDestinationPath: "loop1")
        let result = runCLI(["list", "-o", folder + "/loop1"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("too many levels of symbolic links"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/loop1")) == "loop2")
        let tool = folder + "/tool.txt"
        try FileIO.writeAtomically(Array("x".utf8), to: tool)
        #expect(chmod(tool, 0o4755) == 0)
        #expect(runCLI(["list", "-o", tool]).status == 0)
        #expect(try permissions(tool) == 0o4755)
    }

    /// A symbolic link stays a link (its target gets the output); an existing file keeps its
    /// permissions; a new one gets 0666 minus the umask.
    @Test func linksAndPermissionsAreKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/real.txt", link = folder + "/link.txt"
        try FileIO.writeAtomically(Array("old".utf8), to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        #expect(runCLI(["capacity", "sayar", "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        #expect(String(decoding: try FileIO.read(target, limit: 1 << 20), as: UTF8.self) == runCLI(["capacity", "sayar"]).stdout)

        let secret = folder + "/secret.json"
        try FileIO.writeAtomically(Array("{}".utf8), to: secret)
        #expect(chmod(secret, 0o600) == 0)
        #expect(runCLI(["show", "sayar", "--format", "json", "-o", secret]).status == 0)
        #expect(try permissions(secret) == 0o600)
        #expect(chmod(secret, 0o640) == 0)
        #expect(runCLI(["show", "sayar", "-o", secret]).status == 0)
        #expect(try permissions(secret) == 0o640)

        let mask = umask(0o022)
        defer { umask(mask) }
        #expect(runCLI(["show", "sayar", "-o", folder + "/new.txt"]).status == 0)
        #expect(try permissions(folder + "/new.txt") == 0o644)
    }

    func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// A shared library for LD_PRELOAD whose `rename` pauses (10 s) before renaming a
    /// scaleplan temporary file into place, after creating the file `$SCALEPLAN_TEST_READY`:
    /// it holds the process inside the final step of an atomic write, so a signal lands there
    /// every time instead of in a millisecond window.
    static let pausingRename = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <fcntl.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        int rename(const char *from, const char *to) {
            const char *ready = getenv("SCALEPLAN_TEST_READY");
            if (ready && strstr(from, ".tmp-")) {
                close(open(ready, O_WRONLY | O_CREAT, 0644));
                sleep(10);
            }
            int (*real)(const char *, const char *) = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
            return real(from, to);
        }
        """

    /// SIGINT, SIGTERM or SIGHUP while the output is being written: the process ends by that
    /// signal, the temporary file is gone and the target keeps its old contents.
    @Test(.requires(Tools.clang), arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalDuringTheWriteLeavesNoTemporaryFile(signal: Int32) throws {
        let binary = try Tools.scaleplan.required()
        let work = try temporaryFolder(), folder = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: work)
            try? FileManager.default.removeItem(atPath: folder)
        }
        try FileIO.writeAtomically(Array(Self.pausingRename.utf8), to: work + "/pause.c")
        let compile = try runProcess(
            try Tools.clang.required(), ["-shared", "-fPIC", "-o", work + "/pause.so", work + "/pause.c", "-ldl"])
        try #require(compile.status == 0, "\(compile.stderr)")
        let target = folder + "/out.json"
        try FileIO.writeAtomically(Array("previous".utf8), to: target)
        let process = Process()
        // The test runner may start this process with some of these signals ignored, which its
        // children inherit and scaleplan then rightly keeps ignored; env(1) restores them.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=INT,TERM,HUP", binary, "simulate", "sayar", "--format", "json", "-o", target]
        process.environment = [
            "SCALEPLAN_PROFILES": repositoryRoot + "/profiles", "LD_PRELOAD": work + "/pause.so",
            "SCALEPLAN_TEST_READY": work + "/ready",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while !FileManager.default.fileExists(atPath: work + "/ready") && process.isRunning && ContinuousClock.now < deadline {
            usleep(1000)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.contains { $0.hasPrefix(".out.json.tmp-") }, "paused with the temporary file written: \(names)")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal, "ended by its signal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"], "no temporary file left")
        #expect(String(decoding: try FileIO.read(target, limit: 1 << 20), as: UTF8.self) == "previous")
    }

    /// A reader that stops early (`| head`) ends scaleplan by SIGPIPE, quietly: no message on
    /// stderr (the shell then reports 141).
    @Test func aClosedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Tools.scaleplan.required())
        process.arguments = ["simulate", "million", "--months", "1200", "--format", "json"]
        process.environment = ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
        #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
    }

    /// A closed standard output (`>&-`) is an I/O error: 74 and one line on stderr.
    @Test func aClosedStandardOutputExits74() throws {
        let result = try runProcess(
            "/bin/sh", ["-c", "'\(try Tools.scaleplan.required())' list >&-; echo \"status $?\" >&2"],
            environment: ["SCALEPLAN_PROFILES": repositoryRoot + "/profiles"])
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines.last == "status 74", "\(result.stderr)")
        #expect(lines.first?.contains("could not write to standard output") == true, "\(result.stderr)")
    }
}
