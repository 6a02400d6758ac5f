import Testing

@Test func placeholderSartorReports() {}
