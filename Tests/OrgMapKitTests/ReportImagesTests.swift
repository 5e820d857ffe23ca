import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import OrgMapKit
import OrgModel
import OrgReport
import Testing

/// `report --images DIR`: the pictures as `.svg` files, linked from the Markdown report relative to where it goes.
struct ReportImagesTests {
    @Test func picturesAreWrittenAndTheMarkdownLinksThemRelatively() throws {
        let workspace = try Workspace.sample()
        try FileManager.default.createDirectory(atPath: workspace.path("docs"), withIntermediateDirectories: true)
        let analyzed = try AnalysisRequest().analyze(try workspace.database())
        let links = try ReportImages(directory: workspace.path("my pictures"), reportFile: workspace.path("docs/report.md")).write(analyzed)
        #expect(links == [
            ReportPictures.eiName: "../my pictures/ei-index.svg",
            ReportPictures.heatmapName: "../my pictures/leaders-by-department.svg",
            ReportPictures.mapName: "../my pictures/department-map.svg",
        ])
        for name in links.keys {
            let data = try #require(workspace.contents("my pictures/\(name).svg"))
            #expect(XMLParser(data: data).parse(), "\(name).svg is not well-formed XML")
            #expect(String(decoding: data, as: UTF8.self).contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
        let markdown = ReportFormat.markdown.render(analyzed, images: links)
        #expect(markdown.contains("![E-I index of each engineering leader](../my%20pictures/ei-index.svg)"))
        #expect(markdown.contains("![Department map](../my%20pictures/department-map.svg)"))
        #expect(!markdown.contains("```mermaid"))
        #expect(ReportFormat.markdown.render(analyzed).contains("```mermaid"))
    }

    @Test func aMissingReportFolderWritesNoPicture() throws {
        let workspace = try Workspace.sample()
        let analyzed = try AnalysisRequest().analyze(try workspace.database())
        #expect(throws: OrgMapError.self) {
            try ReportImages(directory: workspace.path("pictures"), reportFile: workspace.path("missing/report.md")).write(analyzed)
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("pictures")))
        try workspace.write("file", "x")
        #expect(throws: OrgMapError.self) { try ReportImages(directory: workspace.path("file")).write(analyzed) }
    }

    @Test(arguments: [("/a/b", "/a/b/c/x.svg", "c/x.svg"), ("/a/b", "/a/x.svg", "../x.svg"), ("/a/b", "/c/x.svg", "../../c/x.svg")])
    func relativePaths(base: String, target: String, expected: String) {
        #expect(ReportImages.relativePath(from: URL(fileURLWithPath: base), to: URL(fileURLWithPath: target)) == expected)
    }
}
