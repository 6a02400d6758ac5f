import Testing

@Test func placeholderSartorHTTP() {}
