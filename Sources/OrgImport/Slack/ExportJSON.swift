import Foundation

/// Reads and parses the export's JSON entries, so every failure names the archive and the entry.
struct ExportJSON {
    let archive: any EntryArchive
    /// The layout's root, prepended to every relative path.
    let root: String

    /// The entry at `root + relativePath`, which must be a JSON array.
    ///
    /// - Parameter expected: what the entry should hold, for the error message.
    func array(_ relativePath: String, expected: String) throws -> [Any] {
        let path = root + relativePath
        let data = try archive.read(path)
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SlackExportError(
                archive: archive.url, entry: path,
                problem: .invalidJSON(expected: expected, detail: Self.parserMessage(error)))
        }
        guard let array = value as? [Any] else {
            throw SlackExportError(archive: archive.url, entry: path, problem: .unexpectedStructure(expected: expected))
        }
        return array
    }

    /// The entry at `root + relativePath`, which must be a JSON array of objects.
    func objects(_ relativePath: String, expected: String) throws -> [[String: Any]] {
        try array(relativePath, expected: expected).enumerated().map { index, element in
            guard let object = element as? [String: Any] else {
                throw SlackExportError(
                    archive: archive.url, entry: root + relativePath,
                    problem: .unexpectedStructure(expected: "\(expected); element \(index) is not an object"))
            }
            return object
        }
    }

    /// JSONSerialization puts the position ("around line 3, column 5") in the debug description
    /// only; the localized description merely says the data is not in the correct format.
    private static func parserMessage(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
    }
}
