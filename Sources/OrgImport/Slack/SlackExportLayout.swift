/// Where an export's top-level files sit inside an archive: at its root, or inside its only top-level
/// folder, as when someone zips the unpacked export folder again.
struct SlackExportLayout {
    static let userList = "users.json"
    /// Public channels, private channels, direct messages and group DMs; any may be missing.
    static let conversationLists = ["channels.json", "groups.json", "dms.json", "mpims.json"]
    /// Folders that zip tools add beside the content (macOS resource forks).
    private static let ignoredFolders: Set<String> = ["__MACOSX"]

    /// `""` or `"folder/"`, prepended to every path inside the export.
    let root: String

    init?(archive: some EntryArchive) {
        if Self.holdsExport(archive, root: "") {
            root = ""
            return
        }
        let folders = Set(archive.entryPaths.compactMap { path -> Substring? in
            let components = path.split(separator: "/", maxSplits: 1)
            return components.count == 2 ? components[0] : nil
        }).subtracting(Self.ignoredFolders.map { Substring($0) })
        guard folders.count == 1, let folder = folders.first, Self.holdsExport(archive, root: folder + "/") else {
            return nil
        }
        root = folder + "/"
    }

    private static func holdsExport(_ archive: some EntryArchive, root: String) -> Bool {
        archive.contains(root + userList) && conversationLists.contains { archive.contains(root + $0) }
    }
}

/// Whether `archive` holds a Slack workspace export: users.json and at least one of channels.json,
/// groups.json, dms.json and mpims.json, at its root or in its single top-level folder.
public func isSlackExport(_ archive: some EntryArchive) -> Bool {
    SlackExportLayout(archive: archive) != nil
}
