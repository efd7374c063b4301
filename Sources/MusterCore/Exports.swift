/// The logger in ``ImportContext`` and ``StageContext`` is part of the contract, so modules
/// built on MusterCore (importers, stages) can log without depending on swift-log themselves.
@_exported public import Logging
