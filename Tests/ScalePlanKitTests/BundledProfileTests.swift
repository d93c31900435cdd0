import Testing

@testable import ScalePlanKit

/// The repository's `profiles/` folder, found from this file.
let profilesDirectory: String = {
    var path = #filePath
    for _ in 0..<3 { path = ProfileLibrary.parent(of: path) }
    return path + "/profiles"
}()

let bundledIDs = ["inphrone", "million", "musician", "oviya", "sayar"]

@Suite struct BundledProfileTests {
    @Test(arguments: bundledIDs)
    func loadsAndValidatesWithoutDiagnostics(id: String) throws {
        let loaded = try ProfileLoader.load(path: "\(profilesDirectory)/\(id).json")
        #expect(loaded.profile.id == id)
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: bundledIDs)
    func everyTierNamesItsSourceAndTheRangesAreContiguous(id: String) throws {
        let profile = try ProfileLoader.load(path: "\(profilesDirectory)/\(id).json").profile
        #expect(profile.tiers.count >= 3)
        for tier in profile.tiers {
            #expect(tier.source?.isEmpty == false, "tier \(tier.id) has no source")
            #expect(!tier.costs.isEmpty, "tier \(tier.id) has no costs")
        }
        for (tier, next) in zip(profile.tiers, profile.tiers.dropFirst()) {
            #expect(tier.range.max == next.range.min)
        }
        #expect(profile.tiers.last?.range.max == nil)
        #expect(profile.scenarios.filter(\.isDefault).count == 1)
    }

    /// Every uncertain figure says where it comes from: the seed (`source`) or a reasoned
    /// `assumption`.
    @Test(arguments: bundledIDs)
    func uncertainParamsCarryASourceOrAnAssumption(id: String) throws {
        let profile = try ProfileLoader.load(path: "\(profilesDirectory)/\(id).json").profile
        for param in profile.params where param.value.isUncertain {
            let explained = (param.assumption ?? param.source).map { !$0.isEmpty } ?? false
            #expect(explained, "\(id): param \(param.name) has neither source nor assumption")
        }
    }

    @Test(arguments: bundledIDs)
    func pointsAtTheCommittedSchema(id: String) throws {
        let bytes = try FileIO.read("\(profilesDirectory)/\(id).json", limit: 1 << 22)
        let root = try JSONParser.parse(bytes)
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.first { $0.key == "$schema" }?.value.value == .string("./schema/profile.schema.json", verbatim: true))
    }

    @Test func committedSchemaIsTheEmbeddedOne() throws {
        let file = try FileIO.read("\(profilesDirectory)/schema/profile.schema.json", limit: 1 << 22)
        #expect(
            String(decoding: file, as: UTF8.self) == ProfileSchema.json + "\n",
            "run `make schema` after editing ProfileSchema.swift")
        _ = try JSONParser.parse(ProfileSchema.json)
    }

    @Test func libraryFindsTheBundledProfiles() {
        let library = ProfileLibrary.locate(environment: [:], executablePath: nil)
        #expect(library.ids == bundledIDs)
        let overridden = ProfileLibrary.locate(
            environment: [ProfileLibrary.environmentKey: "/nonexistent"],
            executablePath: nil)
        #expect(overridden.directory == "/nonexistent")
        #expect(overridden.ids.isEmpty)
    }
}
