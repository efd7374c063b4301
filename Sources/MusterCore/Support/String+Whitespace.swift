extension String {
    /// The text without leading and trailing Unicode whitespace (spaces, tabs, line breaks,
    /// no-break spaces): how every importer keeps a value "raw but trimmed".
    package var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
