import Testing

@Test func placeholderSartorServer() {}
