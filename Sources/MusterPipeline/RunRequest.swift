/// Which part of the pipeline to run and where its input comes from.
public struct RunRequest: Sendable, Hashable {
    /// Run only this stage.
    public var stage: String?
    /// Start at this stage, reading the previous stage's checkpoint.
    public var from: String?
    /// Stop after this stage.
    public var to: String?
    /// Take the input checkpoint from this run instead of the newest one that has it.
    public var inputRun: String?
    /// Take the input from this checkpoint file.
    public var inputFile: String?

    public init(stage: String? = nil, from: String? = nil, to: String? = nil, inputRun: String? = nil, inputFile: String? = nil) {
        self.stage = stage
        self.from = from
        self.to = to
        self.inputRun = inputRun
        self.inputFile = inputFile
    }

    /// The command line that asked for this run, for the manifest.
    var mode: String {
        var parts = ["run"]
        if let stage { parts.append("--stage \(stage)") }
        if let from { parts.append("--from \(from)") }
        if let to { parts.append("--to \(to)") }
        if let inputRun { parts.append("--run \(inputRun)") }
        if let inputFile { parts.append("--input \(inputFile)") }
        return parts.joined(separator: " ")
    }
}
