/// Makes text a command wrote (stderr, `log` and `error` lines) fit for muster's logs and
/// messages: one line, clipped, with what looks like an identifier masked.
///
/// Best effort only: runs of six or more digits (NIK, phone numbers) become `#`, words with
/// an `@` (emails) become `***@***`; names cannot be recognised, so the protocol asks taps
/// never to write personal data outside `record` and `error.raw`.
enum LogText {
    /// At most `limit` characters of `text`, with `…` when cut.
    static func clip(_ text: some StringProtocol, to limit: Int) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }

    /// `text` on one line, masked, clipped to `limit` characters.
    static func scrub(_ text: some StringProtocol, limit: Int = 300) -> String {
        let flat = String(clip(text, to: limit).map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let words =
            flat
            .split(separator: " ", omittingEmptySubsequences: false)
            .map { word in word.contains("@") ? "***@***" : maskDigitRuns(word) }
        return words.joined(separator: " ")
    }

    /// Replaces every run of six or more digits, separators `-`, `.`, `+` included, with `#`s.
    static func maskDigitRuns(_ word: some StringProtocol) -> String {
        var output = ""
        var run = ""
        var digits = 0
        func endRun() {
            output += digits >= 6 ? String(repeating: "#", count: run.count) : run
            run = ""
            digits = 0
        }
        for character in word {
            if character.isASCII && character.isWholeNumber {
                run.append(character)
                digits += 1
            } else if !run.isEmpty || character == "+", "-.+".contains(character) {
                run.append(character)
            } else {
                endRun()
                output.append(character)
            }
        }
        endRun()
        return output
    }
}
