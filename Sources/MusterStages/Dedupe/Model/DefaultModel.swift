/// The model a run uses when it has too few records to train one and no saved model fits:
/// m and u learned on the generator's 1M set (`muster generate --people 400000 --seed 42`),
/// for the default comparisons (``Comparison/defaults``).
///
/// Training needs numbers: u comes from random pairs, which in a file of a few hundred records
/// are too often the same person (a name shared by 2 of 5 records looks common, not like one
/// person written twice), and EM needs thousands of blocked pairs. The first night of a small
/// office would otherwise learn that a shared phone proves nothing.
///
/// One value is not the generator's: the session's u. Among 400,000 people one training batch
/// of 40 is rare (u 0.00012); an office's own files hold a few dozen batches, so the default
/// takes 1 in 100, which weighs a shared batch at +6.4 bits instead of +12.8.
enum DefaultModel {
    /// The default model, or nil when `comparisons` are not the ones it was learned for.
    static func model(for comparisons: [Comparison]) -> MatchModel? {
        let model = MatchModel(comparisons: Comparison.defaults, m: m, u: u, prior: 1e-6)
        let labels = comparisons.map { comparison in (0...comparison.levels.count).map(comparison.label) }
        return model.comparisons.map(\.labels) == labels && model.mismatch(with: comparisons) == nil ? model : nil
    }

    /// Per default comparison, per level including `else`: P(level | match).
    private static let m: [[Double]] = [
        [0.8561, 0.05485, 0.007954, 0.06941, 0.006932, 0.004747],  // name
        [0.944, 0.0009988, 0.05397, 0.0009988],  // nik
        [0.9532, 0.000999, 0.04577],  // phone
        [0.999, 0.000999],  // email
        [0.997, 0.000997, 0.000997, 0.000997],  // birthDate
        [0.9907, 0.000999, 0.008296],  // kelurahan
        [0.999, 0.0009991],  // sector
        [0.8505, 0.1495],  // session
    ]

    /// Per default comparison, per level including `else`: P(level | non-match).
    private static let u: [[Double]] = [
        [0.0002957, 7.999e-05, 5.974e-05, 0.001241, 0.002145, 0.9962],  // name
        [2.448e-06, 1.224e-06, 1.224e-06, 0.999995],  // nik
        [1.704e-06, 8.518e-07, 0.9999975],  // phone
        [8.572e-06, 0.9999914],  // email
        [6.623e-05, 2.614e-05, 0.005577, 0.9943],  // birthDate
        [0.01608, 0.08339, 0.9005],  // kelurahan
        [0.2653, 0.7347],  // sector
        [0.01, 0.99],  // session
    ]
}
