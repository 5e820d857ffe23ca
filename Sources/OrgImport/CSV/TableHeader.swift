/// What a header row says about the rows under it.
enum TableHeader {
    /// The fields a row needs: the header's, less the empty cells at its end (BALKAN OrgChart JS and hand-edited
    /// sheets end their header with one, and rows then lack that field). At least 1.
    static func width(_ fields: [String]) -> Int {
        var width = fields.count
        while width > 1, fields[width - 1].trimmed.isEmpty { width -= 1 }
        return width
    }
}
