/// Reads a Slack workspace export (the zip Slack's admin export produces, or its unpacked folder) into
/// raw links between users, the user directory, and counts.
///
/// Day files are read one at a time, each conversation's in date order, so memory stays bounded by the
/// largest day file, the per-conversation index of thread starters (`ts` → author), and the output.
///
/// Which problems stop the read and which are counted:
/// - Thrown `ArchiveError`: the zip or folder cannot be opened, an entry is damaged, or an entry is
///   larger than the archive's cap.
/// - Thrown `SlackExportError`, because going on would silently lose data: no users.json plus
///   conversation list at the root or in a single top-level folder; users.json, a conversation list or
///   a day file that is not valid JSON or not a JSON array; a users.json or list element that is not an
///   object or has no string `id`.
/// - Skipped and counted by `SlackSkip`, because one odd message says nothing about the rest: an array
///   element that is not an object, membership notices, bot messages, messages without `user`, and
///   messages whose `ts` is not a number string.
/// - Tolerated silently: missing conversation lists, unknown fields, non-string `members` elements,
///   folders no list mentions (read like public channels and counted), and files other than
///   `FOLDER/YYYY-MM-DD.json`.
public func readSlackExport(_ archive: some EntryArchive) throws -> SlackExportContents {
    guard let layout = SlackExportLayout(archive: archive) else {
        throw SlackExportError(
            archive: archive.url,
            problem: .notASlackExport(found: Array(archive.entryPaths.prefix(10)), total: archive.entryPaths.count))
    }
    let json = ExportJSON(archive: archive, root: layout.root)
    let conversations = try readConversationLists(json)
    var collector = LinkCollector(users: try readUsers(json))
    for (folder, dayFiles) in dayFilesByFolder(archive.entryPaths, root: layout.root) {
        // Folders are named after the channel (or the id, for DMs); accept either for every kind.
        let conversation = conversations[folder]
            ?? SlackConversation(id: folder, name: nil, kind: .unlisted, members: [])
        try collector.read(conversation, dayFiles: dayFiles.map { "\(folder)/\($0)" }, from: json)
    }
    return SlackExportContents(
        users: collector.users, links: collector.links, skipped: collector.skipped, counts: collector.counts)
}

private func readUsers(_ json: ExportJSON) throws -> [String: SlackUser] {
    let file = SlackExportLayout.userList
    var users: [String: SlackUser] = [:]
    for (index, object) in try json.objects(file, expected: "a JSON array of user objects").enumerated() {
        guard let user = SlackUser(json: object) else {
            throw SlackExportError(
                archive: json.archive.url, entry: json.root + file,
                problem: .unexpectedStructure(expected: "every user to have a string \"id\"; element \(index) has none"))
        }
        users[user.id] = user
    }
    return users
}

/// Every listed conversation, keyed by both id and name; a name wins over another conversation's id.
private func readConversationLists(_ json: ExportJSON) throws -> [String: SlackConversation] {
    var byID: [String: SlackConversation] = [:]
    var byName: [String: SlackConversation] = [:]
    for (file, kind) in SlackConversation.listFiles where json.archive.contains(json.root + file) {
        let objects = try json.objects(file, expected: "a JSON array of conversation objects")
        for (index, object) in objects.enumerated() {
            guard let conversation = SlackConversation(json: object, kind: kind) else {
                throw SlackExportError(
                    archive: json.archive.url, entry: json.root + file,
                    problem: .unexpectedStructure(
                        expected: "every conversation to have a string \"id\"; element \(index) has none"))
            }
            byID[conversation.id] = conversation
            if let name = conversation.name {
                byName[name] = conversation
            }
        }
    }
    return byID.merging(byName) { _, named in named }
}

/// The `FOLDER/YYYY-MM-DD.json` files under `root`, grouped by folder; both sorted, so each
/// conversation's days come in date order.
private func dayFilesByFolder(_ paths: [String], root: String) -> [(folder: String, files: [String])] {
    var byFolder: [String: [String]] = [:]
    for path in paths where path.hasPrefix(root) {
        let parts = path.dropFirst(root.count).split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, isDayFileName(parts[1]) {
            byFolder[String(parts[0]), default: []].append(String(parts[1]))
        }
    }
    return byFolder.sorted { $0.key < $1.key }.map { (folder: $0.key, files: $0.value.sorted()) }
}

private func isDayFileName(_ name: Substring) -> Bool {
    let bytes = Array(name.utf8)
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
    return bytes.count == 15
        && name.hasSuffix(".json")
        && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
        && digitPositions.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
}
