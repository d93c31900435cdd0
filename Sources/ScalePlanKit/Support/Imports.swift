// The library needs only what FoundationEssentials offers (Data, FileManager, URL,
// ProcessInfo, JSONEncoder); a static binary linked against it is a third of the size of one
// that imports all of Foundation. macOS before 15 has no FoundationEssentials module.
#if canImport(FoundationEssentials)
    @_exported import FoundationEssentials
#else
    @_exported import Foundation
#endif
