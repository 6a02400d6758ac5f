import Testing

@Test func placeholderSartorWorkload() {}
