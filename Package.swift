// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way:
//   SartorMetrics <- SartorEngine <- SartorWorkload
//   SartorHTTP (libcurl) <- SartorWorkload
//   SartorRTDB <- SartorServer (libmicrohttpd), apart from the engine
//   SartorReports and SartorDashboard read engine snapshots
//   sartor-load only parses, wires and exits.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "sartor-load",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sartor-load", targets: ["sartor-load"])
    ],
    targets: [
        // C libraries from Debian, each with a module map and a small shim for the variadic or
        // macro-only parts of its API.
        .systemLibrary(
            name: "CCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .target(name: "CCursesShim", dependencies: ["CCurses"]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "CMicroHTTPDShim", dependencies: ["CMicroHTTPD"]),

        .target(name: "SartorMetrics", swiftSettings: strict),
        .target(name: "SartorCommandLine", swiftSettings: strict),
        .target(
            name: "SartorHTTP",
            dependencies: ["CCurlShim", "SartorMetrics"],
            swiftSettings: strict
        ),
        .target(name: "SartorEngine", dependencies: ["SartorMetrics"], swiftSettings: strict),
        .target(name: "SartorRTDB", swiftSettings: strict),
        .target(
            name: "SartorServer",
            dependencies: ["SartorRTDB", "CMicroHTTPDShim"],
            swiftSettings: strict
        ),
        .target(
            name: "SartorWorkload",
            dependencies: ["SartorEngine", "SartorHTTP", "SartorMetrics"],
            swiftSettings: strict
        ),
        .target(
            name: "SartorReports",
            dependencies: ["SartorEngine", "SartorMetrics", "SartorCommandLine"],
            swiftSettings: strict
        ),
        .target(
            name: "SartorDashboard",
            dependencies: ["SartorEngine", "SartorMetrics", "CCursesShim"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sartor-load",
            dependencies: [
                "SartorCommandLine", "SartorMetrics", "SartorHTTP", "SartorEngine", "SartorServer",
                "SartorWorkload", "SartorReports", "SartorDashboard",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sartor-bench",
            dependencies: ["SartorMetrics", "SartorRTDB"],
            path: "bench/Sources/sartor-bench",
            swiftSettings: strict
        ),

        .executableTarget(
            name: "engine-bench",
            dependencies: ["SartorEngine"],
            path: "bench/Sources/engine-bench",
            swiftSettings: strict
        ),

        .testTarget(name: "SartorMetricsTests", dependencies: ["SartorMetrics"]),
        .testTarget(name: "SartorCommandLineTests", dependencies: ["SartorCommandLine"]),
        .testTarget(
            name: "SartorHTTPTests", dependencies: ["SartorHTTP", "SartorServer", "SartorEngine"]),
        .testTarget(name: "SartorEngineTests", dependencies: ["SartorEngine"]),
        .testTarget(name: "SartorRTDBTests", dependencies: ["SartorRTDB"]),
        .testTarget(name: "SartorServerTests", dependencies: ["SartorServer", "SartorHTTP"]),
        .testTarget(
            name: "SartorWorkloadTests",
            dependencies: ["SartorWorkload", "SartorServer", "SartorHTTP"]
        ),
        .testTarget(
            name: "SartorReportsTests", dependencies: ["SartorReports"], exclude: ["Golden"]),
        .testTarget(
            name: "SartorDashboardTests",
            dependencies: ["SartorDashboard", "SartorEngine", "SartorMetrics"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
