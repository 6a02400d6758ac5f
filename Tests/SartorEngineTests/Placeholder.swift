import Testing

@Test func placeholderSartorEngine() {}
