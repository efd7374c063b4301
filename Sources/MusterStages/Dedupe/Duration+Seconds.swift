extension Duration {
    /// The duration in seconds, for the run report's step times.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
