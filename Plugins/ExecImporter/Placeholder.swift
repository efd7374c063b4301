// Placeholder until the exec importer lands.
