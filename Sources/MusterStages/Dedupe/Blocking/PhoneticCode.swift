/// A sound-alike code for one Indonesian name word, for blocking: the ways one name is
/// spelled (old and new spelling, a dropped final `h`, `f` heard as `p`) get one code, so
/// their records meet in one block; the comparisons then say how alike they are.
///
/// The rule, in order, on the lower-cased word:
/// 1. Old spellings and digraphs fold: `oe`→`u`, `dj`→`j`, `tj`→`c`, `sj`/`sy`/`sh`→`s`,
///    `ch`/`kh`→`h`, `dh`→`d`, `th`→`t`, `ph`→`p` (as ``NameKey`` does, so a name key and
///    the name it came from give one code; Achmad/Akhmad/Ahmad meet on `h`).
/// 2. `y` before a vowel → `j` (old `j` is new `y`: Jusuf/Yusuf, Tjahjono/Cahyono), other
///    `y` → `i` (Rizky/Rizki).
/// 3. Letters one sound apart in Indonesian speech: `f`/`v`→`p` (Yusuf/Yusup, Arifin/Aripin),
///    `z`→`s` (Faiza/Faisa), `q`→`k` (Qomariah/Komariah), `x`→`ks`.
/// 4. A doubled letter counts once (Nurhalizah/Nurhaliza both give one `l`, Anna/Ana).
/// 5. A final `h` is dropped (Nurhalizah/Nurhaliza, Fatimah/Fatima).
/// 6. Vowels after the first letter are dropped (Sukarno/Sukarna, Saputra/Saputro).
///
/// Other characters (digits, letters outside ASCII) are kept as they are. Doubles are folded
/// before vowels go, so Susanti (`ssnt`) and Santi (`snt`) stay apart.
enum PhoneticCode {
    /// The code of `word` (lower- or mixed-case), or nil when it has no letters or digits.
    static func of(_ word: some StringProtocol) -> String? {
        let scalars = Array(word.unicodeScalars.lazy.map { Self.lower($0) })
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(scalars.count + 1)
        /// Appends a sound unless it repeats the last one (a doubled letter counts once).
        func emit(_ scalar: Unicode.Scalar) {
            if folded.last != scalar { folded.append(scalar) }
        }
        var index = 0
        while index < scalars.count {
            let current = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            index += 1
            switch (current, next) {
            case ("o", "e"), ("d", "j"), ("t", "j"), ("s", "j"), ("s", "y"), ("s", "h"), ("c", "h"), ("k", "h"), ("d", "h"), ("t", "h"), ("p", "h"):
                index += 1
                switch current {
                case "o": emit("u")
                case "d" where next == "j": emit("j")
                case "t" where next == "j": emit("c")
                case "c", "k": emit("h")
                default: emit(current)  // sj, sy, sh → s; dh → d; th → t; ph → p
                }
            case ("y", _): emit(isVowel(next) ? "j" : "i")
            case ("f", _), ("v", _): emit("p")
            case ("z", _): emit("s")
            case ("q", _): emit("k")
            case ("x", _):
                emit("k")
                emit("s")
            default:
                if isKept(current) { emit(current) }
            }
        }
        if folded.count > 1, folded.last == "h" { folded.removeLast() }
        guard let first = folded.first else { return nil }
        var code = String(first)
        for scalar in folded.dropFirst() where !isVowel(scalar) { code.unicodeScalars.append(scalar) }
        return code
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 0x20) else { return scalar }
        return lower
    }

    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u": true
        default: false
        }
    }

    /// Letters and digits, and anything outside ASCII (a letter with a mark the name key kept).
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar.value >= 0x80
    }
}
