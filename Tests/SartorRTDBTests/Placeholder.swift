import Testing

@Test func placeholderSartorRTDB() {}
