/// The built-in name tables: display form → the ways it is written. Lookups use the
/// letter key of a token (lower case, dots dropped: `Bpk.` → `bpk`, `S.Pd` → `spd`).
enum NameTables {
    static let honorifics: [String: [String]] = [
        "Ibu": ["ibu", "bu", "bunda"],
        "Bapak": ["bapak", "pak", "bpk", "bp", "bpk"],
        "Sdr.": ["sdr", "sdra", "saudara"],
        "Sdri.": ["sdri", "saudari"],
        "H.": ["h", "haji"],
        "Hj.": ["hj", "hajjah", "hajah", "hjh"],
        "Ny.": ["ny", "nyonya", "nyony"],
        "Nn.": ["nn", "nona"],
        "Tn.": ["tn", "tuan"],
        "Kak": ["kak"],
        "Mbak": ["mbak", "mba"],
        "Mas": ["mas"],
        "Ustadz": ["ustadz", "ust", "ustad"],
        "Ustadzah": ["ustadzah", "ustazah"],
    ]

    static let degrees: [String: [String]] = [
        "Prof.": ["prof"], "Dr.": ["dr"], "Drs.": ["drs"], "Dra.": ["dra"], "Drg.": ["drg"], "Ir.": ["ir"],
        "S.E.": ["se"], "S.Pd.": ["spd"], "S.Pd.I.": ["spdi"], "S.Kom.": ["skom"], "S.H.": ["sh"], "S.T.": ["st"],
        "S.Si.": ["ssi"], "S.Sos.": ["ssos"], "S.Ag.": ["sag"], "S.IP.": ["sip"], "S.I.Kom.": ["sikom"],
        "S.Psi.": ["spsi"], "S.Farm.": ["sfarm"], "S.Ked.": ["sked"], "S.Kep.": ["skep"], "S.K.M.": ["skm"],
        "S.Ak.": ["sak"], "S.Hum.": ["shum"], "S.Sn.": ["ssn"], "S.Tr.": ["str"], "S.Gz.": ["sgz"],
        "M.M.": ["mm"], "M.Pd.": ["mpd"], "M.Si.": ["msi"], "M.Kom.": ["mkom"], "M.H.": ["mh"], "M.T.": ["mt"],
        "M.Ak.": ["mak"], "M.Ag.": ["mag"], "M.B.A.": ["mba"], "M.Sc.": ["msc"], "Ph.D.": ["phd"],
        "A.Md.": ["amd"], "A.Md.Keb.": ["amdkeb"], "A.Md.Kep.": ["amdkep"], "A.Md.Ak.": ["amdak"], "A.Ma.": ["ama"],
        "Ak.": ["ak"], "B.Sc.": ["bsc"], "Lc.": ["lc"],
    ]

    static let particles: Set<String> = ["bin", "binti", "van", "der", "den", "de", "von", "da", "dos", "al"]

    /// Spellings of Muhammad; the letter key of a name's tokens, folded to `muhammad`.
    static let muhammad: Set<String> = [
        "muhammad", "muhamad", "muhammmad", "mohammad", "mohamad", "mohammed", "muhammed", "mohamed", "mochammad",
        "mochamad", "mokhammad", "muhamed", "moh", "moch", "mochd", "muh", "muhd", "mhd", "mohd", "mhmd",
    ]
    /// Abbreviations that mean Muhammad only as a name's first word (`M. Rizki`, `Md Ali`).
    static let muhammadInitials: Set<String> = ["m", "md"]
}
