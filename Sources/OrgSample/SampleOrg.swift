import OrgModel

/// Northwind Labs, the sample organization `orgmap demo` runs on: a 62-person software company exported
/// BambooHR-style (employee ids, managers by id, one dotted line into engineering).
public enum SampleOrg {
    public static let peopleFileName = "northwind-people.csv"
    /// The org chart CSV, as bytes.
    public static let people: [UInt8] = PackageResources.northwind_people_csv
    public static let asOf = CalendarDate(year: 2026, month: 11, day: 1)!
    public static let linksFileName = "northwind-links.csv"
    /// Who worked with whom in September and October 2026: an edge list with weights, kinds and dates.
    public static let links: [UInt8] = PackageResources.northwind_links_csv
    /// Rows in the sample (one line each: no field spans lines), for help texts.
    public static let peopleCount = people.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
}
