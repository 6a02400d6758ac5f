import Testing

@Test func placeholderSartorMetrics() {}
