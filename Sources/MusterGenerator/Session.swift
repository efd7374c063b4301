import MusterCore

/// One batch of one training in one kecamatan: the identity every source names in its own
/// way — a sign-up or attendance sheet by the session code in its file name, an export by
/// code and title, a recap row by title and date, a news item by "… Angkatan N".
struct Session: Sendable {
    /// Index into ``Sessions/all``.
    var number: Int
    /// `WUIB-TBT-03`: programme, kecamatan and batch.
    var code: String
    /// `Pelatihan WUIB Kerajinan Tas`.
    var programme: String
    var batch: Int
    /// Index into ``Kecamatan/all``.
    var kecamatan: Int
    /// The first of its two days, in 2024.
    var month: Int
    var day: Int

    /// `Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet`.
    var title: String { "\(programme) Angkatan \(batch) Kecamatan \(Kecamatan.all[kecamatan].name)" }
    var isoDate: String { "2024-\(pad(month, 2))-\(pad(day, 2))" }
}

/// The trainings people enroll in: per kecamatan and programme one batch is open at a time,
/// and when it is full the next opens (Angkatan 1, 2, 3 …). People of one household enroll
/// near each other in time, so a batch fills with neighbours, as real ones do.
struct Sessions {
    /// Programmes: the code part and the title.
    static let programmes: [(code: String, title: String)] = [
        ("WUIB", "Pelatihan WUIB Kerajinan Tas"), ("DIGI", "Pelatihan Pemasaran Digital UMKM"), ("PANGAN", "Pelatihan Olahan Pangan Rumahan"),
        ("JAHIT", "Pelatihan Menjahit Busana"), ("KOPI", "Pelatihan Barista Kopi Nusantara"),
    ]

    private(set) var all: [Session] = []
    /// Batches opened so far per kecamatan × programme.
    private var batches: [Int: Int] = [:]
    /// Per kecamatan × programme: the open batch and how many it still takes.
    private var open: [Int: (session: Int, room: Int)] = [:]
    /// Sessions that filled up since ``takeClosed()`` was last asked.
    private var closed: [Int] = []
    private var random: SplitMix64

    init(random: SplitMix64) {
        self.random = random
    }

    /// Enrolls one person of `kecamatan` in one or two programmes' open batches.
    mutating func enroll(kecamatan: Int) -> [Int] {
        let first = random.below(Self.programmes.count)
        var programmes = [first]
        if random.chance(0.3) { programmes.append((first + 1 + random.below(Self.programmes.count - 1)) % Self.programmes.count) }
        return programmes.map { join(kecamatan: kecamatan, programme: $0) }
    }

    private mutating func join(kecamatan: Int, programme: Int) -> Int {
        let key = kecamatan * Self.programmes.count + programme
        var slot = open[key] ?? openBatch(kecamatan: kecamatan, programme: programme, key: key)
        slot.room -= 1
        if slot.room == 0 {
            closed.append(slot.session)
            open[key] = nil
        } else {
            open[key] = slot
        }
        return slot.session
    }

    private mutating func openBatch(kecamatan: Int, programme: Int, key: Int) -> (session: Int, room: Int) {
        let batch = (batches[key] ?? 0) + 1
        batches[key] = batch
        let code = "\(Self.programmes[programme].code)-\(Kecamatan.all[kecamatan].short)-\(pad(batch, 2))"
        all.append(
            Session(
                number: all.count, code: code, programme: Self.programmes[programme].title, batch: batch, kecamatan: kecamatan,
                month: random.within(6...11), day: random.within(1...27)))
        return (all.count - 1, random.within(30...90))
    }

    /// The sessions that filled up since the last call, oldest first.
    mutating func takeClosed() -> [Int] {
        defer { closed.removeAll() }
        return closed
    }

    /// Every session still open, in order: at the end they close as they are.
    mutating func closeAll() -> [Int] {
        let remaining = open.values.map(\.session).sorted()
        open.removeAll()
        return takeClosed() + remaining
    }
}
