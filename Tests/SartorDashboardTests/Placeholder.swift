import Testing

@Test func placeholderSartorDashboard() {}
