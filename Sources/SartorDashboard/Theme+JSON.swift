import Foundation

/// A theme file that cannot be used, naming the file, the field and what to do.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    /// The file (or built-in theme name) the problem was found in.
    public let file: String
    /// The JSON path of the offending field, such as `styles.title.foreground`; empty when the
    /// problem is the whole file (unreadable, not JSON).
    public let field: String
    public let problem: String

    public var description: String {
        field.isEmpty ? "theme \(file): \(problem)" : "theme \(file): field \(field): \(problem)"
    }
}

extension Theme {
    /// Reads a theme from its JSON text.
    ///
    /// Every role of `StyleRole` must be present under `styles`, and nothing else: an unknown
    /// key is refused, so that a misspelt role does not silently fall back to plain text.
    /// - Throws: `ThemeError` naming `file` and the first bad field.
    public init(json: Data, file: String) throws {
        func fail(_ field: String, _ problem: String) -> ThemeError {
            ThemeError(file: file, field: field, problem: problem)
        }
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: json)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw fail("", "is not valid JSON (\(detail ?? error.localizedDescription))")
        }
        guard let root = document as? [String: Any] else {
            throw fail("", "is not a JSON object; expected one with name, description and styles")
        }
        try Self.refuseUnknownKeys(root, allowed: ["name", "description", "styles"], at: "", file)
        func member<T>(_ key: String, _ expected: String) throws -> T {
            guard let value = root[key] else { throw fail(key, "missing; expected \(expected)") }
            guard let typed = value as? T else { throw fail(key, "expected \(expected)") }
            return typed
        }
        let name: String = try member("name", "a non-empty string")
        guard !name.isEmpty else { throw fail("name", "expected a non-empty string") }
        let summary: String = try member("description", "a string")
        let stylesObject: [String: Any] = try member("styles", "an object with one entry per role")
        let roles = StyleRole.allCases.map(\.rawValue)
        try Self.refuseUnknownKeys(stylesObject, allowed: roles, at: "styles.", file)
        var styles: [StyleRole: ThemeStyle] = [:]
        for role in StyleRole.allCases {
            let field = "styles.\(role.rawValue)"
            guard let entry = stylesObject[role.rawValue] else {
                throw fail(
                    field, "missing; every role needs a style (\(roles.joined(separator: ", ")))")
            }
            styles[role] = try Self.style(entry, at: field, file)
        }
        self.init(name: name, summary: summary, styles: styles)
    }

    private static func style(_ value: Any, at field: String, _ file: String) throws -> ThemeStyle {
        guard let object = value as? [String: Any] else {
            throw ThemeError(file: file, field: field, problem: "expected an object")
        }
        let keys = ["foreground", "background", "attributes"]
        try refuseUnknownKeys(object, allowed: keys, at: field + ".", file)
        var style = ThemeStyle()
        if let value = object["foreground"] {
            style.foreground = try color(value, at: field + ".foreground", file)
        }
        if let value = object["background"] {
            style.background = try color(value, at: field + ".background", file)
        }
        if let value = object["attributes"] {
            let names = TextAttribute.allCases.map(\.rawValue).joined(separator: ", ")
            guard let list = value as? [String] else {
                let problem = "expected a list of attribute names (\(names))"
                throw ThemeError(file: file, field: field + ".attributes", problem: problem)
            }
            for name in list {
                guard let attribute = TextAttribute(rawValue: name) else {
                    let problem = "unknown attribute \"\(name)\"; use \(names)"
                    throw ThemeError(file: file, field: field + ".attributes", problem: problem)
                }
                style.attributes.insert(attribute)
            }
        }
        return style
    }

    /// `"default"`, a basic name (`red`), its bright form (`bright-red`) or a number 0...255.
    static func color(_ value: Any, at field: String, _ file: String) throws -> ThemeColor {
        if let number = value as? NSNumber, !(value is Bool) {
            let index = number.doubleValue
            guard index >= 0, index <= 255, index == index.rounded() else {
                let problem = "colour number \(number) is out of range; use 0 to 255"
                throw ThemeError(file: file, field: field, problem: problem)
            }
            return .indexed(UInt8(index))
        }
        if let name = value as? String {
            if name == "default" { return .terminalDefault }
            if let index = ThemeColor.basicNames.firstIndex(of: name) {
                return .indexed(UInt8(index))
            }
            if name.hasPrefix("bright-"),
                let index = ThemeColor.basicNames.firstIndex(of: String(name.dropFirst(7)))
            {
                return .indexed(UInt8(index + 8))
            }
        }
        let shown = value is String ? "\"\(value)\"" : "\(value)"
        let names = ThemeColor.basicNames.joined(separator: ", ")
        let problem =
            "unknown colour \(shown); use \"default\", a name (\(names)), bright-<name>, "
            + "or a number 0 to 255"
        throw ThemeError(file: file, field: field, problem: problem)
    }

    private static func refuseUnknownKeys(
        _ object: [String: Any], allowed: [String], at prefix: String, _ file: String
    ) throws {
        for key in object.keys.sorted() where !allowed.contains(key) {
            let problem = "unknown key; expected one of \(allowed.joined(separator: ", "))"
            throw ThemeError(file: file, field: prefix + key, problem: problem)
        }
    }
}
