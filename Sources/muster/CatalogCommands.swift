internal import ArgumentParser
internal import MusterCore

/// `muster importers`: what each importer reads and its options.
struct ImportersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "importers", abstract: "List the importers and their options.")

    func run() throws {
        for importer in try BuiltIns.importerRegistry().importers {
            let descriptor = importer.descriptor
            print("\(descriptor.id)  (\(descriptor.fileTypes.map { "." + $0 }.joined(separator: " ")))")
            print("  \(descriptor.summary)")
            printOptions(descriptor.options)
        }
    }
}

/// `muster stages`: what each stage does and its options.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stages", abstract: "List the stages and their options.")

    func run() throws {
        for stage in try BuiltIns.stageRegistry().stages {
            let descriptor = stage.descriptor
            print("\(descriptor.id)  (reads \(descriptor.input == .sources ? "the sources" : "the previous stage's records"))")
            print("  \(descriptor.summary)")
            printOptions(descriptor.options)
        }
    }
}

private func printOptions(_ options: [OptionDescriptor]) {
    guard !options.isEmpty else {
        print("  options: none\n")
        return
    }
    print("  options:")
    for option in options {
        let defaultText = option.defaultValue.map { ", default \($0)" } ?? ""
        print("    \(option.name) (\(option.type)\(defaultText)): \(option.summary)")
    }
    print("")
}
