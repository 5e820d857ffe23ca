import Foundation

/// "0.42 s".
func seconds(_ duration: TimeInterval) -> String { String(format: "%.2f s", duration) }
