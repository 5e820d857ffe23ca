import Foundation

/// "1 person", "3 people"; "1 warning", "2 warnings".
func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}

/// "0.42 s".
func seconds(_ duration: TimeInterval) -> String { String(format: "%.2f s", duration) }
