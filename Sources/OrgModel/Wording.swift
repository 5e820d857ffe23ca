/// "1 person", "3 people"; "1 warning", "2 warnings": counts in messages and reports.
public func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
