/// A record's claim that its person joined a programme or session, with attendance if the
/// source had it (attendance sheets: Hari 1, Hari 2 …) and how far the person got if the
/// source said so (recap sheets and exports: `lulus`, `hadir`, `terdaftar`).
public struct Enrollment: Sendable, Hashable, Codable {
    /// Programme code or reference (a session code such as `WUIB-TBT-01`, or a news item guid).
    public var programme: String?
    /// Session code inside the programme, when the source names one.
    public var session: String?
    /// Programme title or name as the source gives it.
    public var title: String?
    /// Date of the session as given by the source (raw).
    public var date: String?
    /// How far the person got, exactly as the source wrote it (`LULUS`, `Hadir`, `???`);
    /// nil when the source has no status. Its reading is ``standing``.
    public var status: String?
    /// Attendance per day, in the source's column order.
    public var attendance: [Attendance]

    public init(
        programme: String? = nil, session: String? = nil, title: String? = nil, date: String? = nil, status: String? = nil,
        attendance: [Attendance] = []
    ) {
        self.programme = programme
        self.session = session
        self.title = title
        self.date = date
        self.status = status
        self.attendance = attendance
    }

    /// The reading of ``status``: nil when there is none or it is not a known status.
    ///
    /// Worked out from the raw status on each use rather than stored beside it, so every
    /// importer, checkpoint and spool reads a status the one same way and a raw value and
    /// its reading can never disagree.
    public var standing: EnrollmentStanding? {
        status.flatMap(EnrollmentStanding.init(reading:))
    }
}

/// One day's attendance mark: the raw mark kept beside its reading.
public struct Attendance: Sendable, Hashable, Codable {
    /// The day's label as the source has it (`Hari 1`, `02/09/2024`).
    public var day: String
    /// The mark exactly as read (`✓`, `v`, `x`, `1`, `hadir`, empty).
    public var mark: String
    /// true present, false absent, nil when the mark could not be read.
    public var present: Bool?

    public init(day: String, mark: String, present: Bool?) {
        self.day = day
        self.mark = mark
        self.present = present
    }
}
