/// The model a run uses when it has too few records to train one and no saved model fits:
/// m and u learned on a generated 1M set (`muster generate --people 400000 --seed 7`; the
/// benchmarks and tests use other seeds, so a small run is never weighed in-sample),
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
        [0.8549, 0.05606, 0.007913, 0.06942, 0.007215, 0.004522],  // name
        [0.9434, 0.0009988, 0.05458, 0.0009988],  // nik
        [0.953, 0.000999, 0.04604],  // phone
        [0.999, 0.000999],  // email
        [0.997, 0.000997, 0.000997, 0.000997],  // birthDate
        [0.9901, 0.000999, 0.008855],  // kelurahan
        [0.999, 0.000999],  // sector
        [0.848, 0.152],  // session
    ]

    /// Per default comparison, per level including `else`: P(level | non-match).
    private static let u: [[Double]] = [
        [0.0002866, 9.924e-05, 4.354e-05, 0.001195, 0.002191, 0.9962],  // name
        [1.222e-06, 1.222e-06, 2.445e-06, 0.999995],  // nik
        [8.529e-07, 8.529e-07, 0.9999983],  // phone
        [8.476e-06, 0.9999915],  // email
        [7.328e-05, 2.792e-05, 0.005364, 0.9945],  // birthDate
        [0.0159, 0.08293, 0.9012],  // kelurahan
        [0.265, 0.735],  // sector
        [0.01, 0.99],  // session
    ]
}
