internal import Foundation
import MusterCore

/// The `pipeline.json` written into a generated folder: every generated file matched by a
/// source with the options its style needs, the five stages, and the work directory and
/// registry inside the folder, so `muster run --pipeline DIR/pipeline.json` just works.
/// Globs are relative to the folder, so the registry's file paths equal the truth's refs.
public enum PipelineFile {
    public static let text = #"""
        {
          "version": 1,
          "workDirectory": ".muster",
          "maxQuarantinedShare": 0.2,
          "sources": [
            { "id": "berita", "importer": "xml-news", "files": ["feeds/*.xml"] },
            {
              "id": "pendaftaran",
              "importer": "csv-signup",
              "files": ["sheets/pendaftaran-*.csv"],
              "options": { "sessionFromFileName": "pendaftaran-(.+)\\.csv" }
            },
            {
              "id": "daftar-hadir",
              "importer": "csv-signup",
              "files": ["sheets/daftar-hadir-*.csv", "sheets/absensi-*.csv"],
              "options": { "sessionFromFileName": "(?:daftar-hadir|absensi)-(.+)\\.csv" }
            },
            { "id": "rekap", "importer": "csv-signup", "files": ["sheets/rekap-*.csv"] },
            { "id": "jakpreneur", "importer": "json-export", "files": ["exports/*.json", "exports/*.ndjson"] }
          ],
          "stages": [
            { "type": "ingest", "options": { "batchSize": 512 } },
            { "type": "normalize" },
            { "type": "dedupe", "options": { "threshold": 0.95 } },
            { "type": "validate", "options": { "required": ["name"] } },
            { "type": "export", "options": { "registry": ".muster/registry.sqlite" } }
          ]
        }

        """#

    static func write(into directory: String) throws(MusterError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/pipeline.json"))
        } catch {
            throw MusterError(.io, "cannot write \(directory)/pipeline.json", underlying: error)
        }
    }
}
