/// What one header cell means for the cells below it.
enum ColumnRole: Equatable {
    /// A canonical field (``MusterCore/Field``).
    case field(String)
    /// An attendance day (`Hari 1`, `02/09/2024`); the header text is the day's label.
    case attendance(String)
    /// Kept in `extras` under this key (the header text).
    case extra(String)
    /// The training a recap row is an enrollment in (`PELATIHAN`, `TGL PELATIHAN`), and how
    /// far the row's person got in it (`STATUS`, `KETERANGAN`).
    case training(TrainingPart)

    enum TrainingPart: Hashable {
        case title
        case date
        case status
    }
}
