// A services process that ends as soon as it starts (a crash at start-up), for the supervisor's tests.
process.exit(3);
