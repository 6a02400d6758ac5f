import Testing

@Test func placeholderSartorCommandLine() {}
