import Foundation
import OrgModel
import OrgReport

/// `report --images DIR`: the report's pictures as `.svg` files in a folder, linked from the Markdown report by
/// paths relative to where the report goes.
public struct ReportImages: Sendable {
    /// The folder the pictures are written to (created if missing).
    public var directory: String
    /// Where the Markdown report is written; nil for standard output, whose links are then relative to the
    /// current folder.
    public var reportFile: String?

    public init(directory: String, reportFile: String? = nil) {
        self.directory = directory
        self.reportFile = reportFile
    }

    /// Writes each picture (replacing a file of the same name, each atomically) and returns its link by picture
    /// name, for ``ReportFormat/render(_:images:)``.
    /// Fails before writing anything when the report's own folder is missing, so a run that cannot write the
    /// report leaves no pictures behind.
    public func write(_ analyzed: AnalyzedSnapshot) throws -> [String: String] {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        if let reportFile {
            let parent = URL(fileURLWithPath: reportFile).standardizedFileURL.deletingLastPathComponent()
            guard FileManager.default.fileExists(atPath: parent.path) else {
                throw OrgMapError.unwritableFile(path: reportFile, reason: "its folder \(parent.path) does not exist")
            }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw OrgMapError.invalidArgument("--images \(directory): a file is in the way; give a folder for the pictures")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OrgMapError.unwritableFile(path: directory, reason: error.localizedDescription)
        }
        let base = reportFile.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        var links: [String: String] = [:]
        for picture in ReportPictures.all(analyzed.analysis, context: analyzed.context) {
            let file = folder.appendingPathComponent(picture.name + ".svg")
            try OutputFile.write(picture.file, to: file.path)
            links[picture.name] = Self.relativePath(from: base, to: file)
        }
        return links
    }

    /// `target` as seen from the folder `base`: "images/x.svg", "../images/x.svg".
    static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.pathComponents
        let to = target.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
