print("sartor-load: under construction")
