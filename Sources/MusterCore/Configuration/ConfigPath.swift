/// Renders coding paths the way operators read them: `stages[2].options.threshold`.
package enum ConfigPath {
    package static func render(_ path: [any CodingKey], under base: String = "") -> String {
        var rendered = base
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                rendered += "[\(index)]"
            } else {
                rendered += rendered.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return rendered
    }

    package static func append(_ key: String, to base: String) -> String {
        base.isEmpty ? key : "\(base).\(key)"
    }
}

/// A coding key for arbitrary object members and array indices.
package struct AnyCodingKey: CodingKey, Hashable {
    package var stringValue: String
    package var intValue: Int?

    package init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    package init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
