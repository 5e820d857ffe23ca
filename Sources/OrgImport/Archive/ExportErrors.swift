import OrgModel

/// Runs `body`, reporting archive and export problems as the one error type users see (`OrgMapError`): the
/// archive and entry as the file, what is wrong as the problem, and "nothing was imported".
package func reportingExportErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ArchiveError {
        throw OrgMapError.invalidInput(file: error.location, problems: [InputProblem(line: nil, message: error.problem.explanation)], more: 0)
    } catch let error as SlackExportError {
        throw OrgMapError.invalidInput(file: error.location, problems: [InputProblem(line: nil, message: error.explanation)], more: 0)
    }
}

/// Runs `body`, turning a workbook's problems into the `OrgMapError` users see for any input problem.
package func reportingWorkbookErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkbookError {
        throw error.orgMapError
    } catch let error as ArchiveError {
        throw WorkbookError.from(error, file: error.archive.relativePath).orgMapError
    }
}
