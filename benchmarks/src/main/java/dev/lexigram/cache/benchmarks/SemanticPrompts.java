package dev.lexigram.cache.benchmarks;

import java.util.List;

/**
 * The vocabulary of the semantic cache harness's synthetic prompts: template families (equivalent
 * phrasings with slots, and the values of each slot) the stored prompts come from, families never
 * stored (the miss probes), and the word swaps of the synonym paraphrase. {@link SemanticCorpus}
 * draws a trial's prompts and probes from them.
 */
final class SemanticPrompts {

  private SemanticPrompts() {}

  /**
   * A template family: equivalent phrasings ({@code forms}) with {@code {0}}, {@code {1}}, …
   * placeholders, and a vocabulary per slot. A combination of slot values is one distinct
   * question; a stored prompt writes it in one of the forms, a paraphrase in another.
   */
  record Family(String name, List<String> forms, List<List<String>> slots) {
    long combinations() {
      long n = 1;
      for (List<String> slot : slots) {
        n *= slot.size();
      }
      return n;
    }

    String render(int form, long combination) {
      String text = forms.get(form);
      long rest = combination;
      for (int s = 0; s < slots.size(); s++) {
        List<String> values = slots.get(s);
        String value = values.get((int) (rest % values.size()));
        rest /= values.size();
        text = text.replace("{" + s + "}", value);
      }
      return text;
    }
  }

  private static List<String> words(String... values) {
    return List.of(values);
  }

  /** Families the stored prompts come from (about 176,000 combinations, 3 or 4 phrasings each). */
  static final List<Family> STORED = List.of(
      new Family("software", words(
          "how do I {0} {1} on {2}{3}?",
          "how can I {0} {1} on {2}{3}?",
          "what's the best way to {0} {1} on {2}{3}?",
          "what are the steps to {0} {1} on {2}{3}?"),
          List.of(
              words("install", "set up", "upgrade", "back up", "secure", "monitor", "debug", "containerize",
                  "benchmark", "tune", "migrate", "patch", "harden", "profile", "deploy", "restore", "log in to",
                  "automate"),
              words("PostgreSQL", "MySQL", "nginx", "Apache httpd", "Redis", "Elasticsearch", "Kafka", "RabbitMQ",
                  "a Node.js app", "a Django site", "a Spring Boot service", "Jenkins", "GitLab Runner", "Grafana",
                  "Prometheus", "a WordPress blog", "MongoDB", "a Minecraft server", "Home Assistant", "Nextcloud",
                  "a Flask API", "Tomcat", "HAProxy", "Keycloak", "Vault", "a Rails app", "Traefik", "OpenVPN",
                  "Samba", "Pi-hole"),
              words("Ubuntu 22.04", "Ubuntu 24.04", "Debian 12", "Windows 11", "Windows Server 2022", "macOS Sonoma",
                  "a Raspberry Pi 4", "a Raspberry Pi 5", "AWS EC2", "Google Cloud", "Azure", "Kubernetes",
                  "Docker Compose", "Fedora 40", "Rocky Linux 9", "Arch Linux", "a DigitalOcean droplet", "Proxmox",
                  "FreeBSD 14", "a Synology NAS"),
              words("", " with 2 GB of RAM", " with 4 GB of RAM", " with 8 GB of RAM", " with 16 GB of RAM",
                  " with 32 GB of RAM", " behind a corporate proxy"))),
      new Family("cooking", words(
          "how do I {0} {1} in {2} for {3} people?",
          "how should I {0} {1} in {2} for {3} people?",
          "what's the best way to {0} {1} in {2} for {3} people?",
          "what is a good method to {0} {1} in {2} for {3} people?"),
          List.of(
              words("bake", "roast", "grill", "steam", "braise", "poach", "smoke", "pan-fry", "marinate", "reheat",
                  "slow-cook", "deep-fry", "sear", "barbecue"),
              words("chicken thighs", "a salmon fillet", "pork ribs", "a beef brisket", "lamb chops", "tofu",
                  "sweet potatoes", "brussels sprouts", "a whole turkey", "shrimp", "cod", "duck breast",
                  "a pork shoulder", "chickpeas", "cauliflower", "eggplant", "mushrooms", "a rack of lamb",
                  "chicken wings", "tuna steaks", "meatballs", "a leg of lamb", "butternut squash", "halibut",
                  "venison", "short ribs", "a whole chicken", "tempeh", "scallops", "carrots"),
              words("an air fryer", "a cast iron skillet", "a dutch oven", "a convection oven", "an Instant Pot",
                  "a slow cooker", "a wok", "a charcoal grill", "a pellet smoker", "a toaster oven", "a microwave",
                  "a gas oven"),
              words("2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "15", "20"))),
      new Family("travel", words(
          "what is the cheapest way to get from {0} to {1} in {2}?",
          "what's the cheapest way to travel from {0} to {1} in {2}?",
          "how can I get from {0} to {1} as cheaply as possible in {2}?",
          "what is the cheapest option for going from {0} to {1} in {2}?"),
          List.of(
              words("Paris", "London", "Berlin", "Madrid", "Rome", "Amsterdam", "Vienna", "Prague", "Lisbon",
                  "Barcelona", "Munich", "Zurich", "Brussels", "Copenhagen", "Stockholm", "Oslo", "Dublin",
                  "Edinburgh", "Milan", "Venice", "Florence", "Budapest", "Warsaw", "Krakow", "Athens", "Istanbul",
                  "Tokyo", "Kyoto", "Osaka", "Seoul", "Bangkok", "Singapore", "Hong Kong", "Sydney", "Melbourne",
                  "New York", "Boston", "Chicago", "San Francisco", "Los Angeles", "Seattle", "Toronto", "Montreal",
                  "Vancouver", "Mexico City", "Buenos Aires", "Lima", "Cape Town", "Marrakech", "Cairo"),
              words("Nice", "Lyon", "Porto", "Seville", "Naples", "Salzburg", "Bruges", "Geneva", "Hamburg",
                  "Bologna", "Split", "Dubrovnik", "Tallinn", "Riga", "Bergen", "Galway", "Hiroshima", "Nara",
                  "Busan", "Chiang Mai", "Phuket", "Bali", "Auckland", "Brisbane", "Quebec City", "Washington DC",
                  "Philadelphia", "Portland", "San Diego", "Las Vegas", "Miami", "New Orleans", "Cusco",
                  "Valparaiso", "Fez", "Luxor", "Zanzibar", "Reykjavik", "Malta", "Santorini"),
              words("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"))),
      new Family("saving", words(
          "how much should I save each month to afford a {0} that costs {1} dollars in {2} years?",
          "how much do I need to put aside each month to afford a {0} costing {1} dollars in {2} years?",
          "what monthly savings do I need to afford a {0} that costs {1} dollars in {2} years?"),
          List.of(
              words("used car", "new car", "house deposit", "wedding", "world trip", "motorbike", "sailboat",
                  "camper van", "home renovation", "kitchen remodel", "gaming PC", "piano", "horse",
                  "solar installation", "electric bike", "swimming pool", "college fund", "sabbatical year",
                  "backyard deck", "heat pump", "tiny house", "e-car charger", "honeymoon", "dental implant"),
              words("1500", "3000", "5000", "8000", "12000", "15000", "20000", "25000", "30000", "40000", "60000",
                  "90000"),
              words("2", "3", "4", "5", "6", "7", "8", "10", "12", "15"))),
      new Family("gardening", words(
          "when should I plant {0} in {1} if the last frost is in {2}?",
          "when is the right time to plant {0} in {1} if the last frost is in {2}?",
          "when do I plant {0} in {1} given that the last frost is in {2}?"),
          List.of(
              words("tomatoes", "potatoes", "garlic", "onions", "carrots", "lettuce", "spinach", "kale", "peas",
                  "green beans", "zucchini", "pumpkins", "cucumbers", "peppers", "strawberries", "raspberries",
                  "blueberries", "tulip bulbs", "daffodils", "sunflowers", "lavender", "basil", "rosemary", "mint",
                  "apple trees", "roses", "dahlias", "asparagus", "beetroot", "leeks", "broccoli", "cabbage",
                  "radishes", "sweet corn", "melons", "chillies", "parsley", "thyme", "rhubarb", "fennel"),
              words("Ohio", "Oregon", "Texas", "Vermont", "Minnesota", "Georgia", "Colorado", "Michigan", "Ontario",
                  "British Columbia", "Scotland", "Wales", "Ireland", "Bavaria", "Normandy", "Tuscany", "Andalusia",
                  "Poland", "Sweden", "Tasmania", "Victoria", "New Zealand", "Hokkaido", "Kentucky", "Virginia",
                  "Montana", "Idaho", "Maine", "Nebraska", "Wisconsin"),
              words("March", "April", "May", "June", "late February", "early March"))),
      new Family("exercise", words(
          "how many {0} should I do per week to {1} at age {2}?",
          "how many {0} per week should I do to {1} at age {2}?",
          "at age {2}, how many {0} should I do per week to {1}?"),
          List.of(
              words("push-ups", "squats", "pull-ups", "burpees", "lunges", "deadlifts",
                  "kettlebell swings", "sit-ups", "planks", "running sessions", "swimming sessions", "cycling rides",
                  "yoga classes", "HIIT workouts", "rowing sessions", "stair climbs", "jump rope rounds", "walks",
                  "dips", "bench presses"),
              words("lose weight", "build muscle", "improve my endurance", "get stronger", "improve my posture",
                  "lower my blood pressure", "sleep better", "stay healthy", "prepare for a marathon",
                  "tone my arms"),
              words("20", "25", "30", "35", "40", "45", "50", "55", "60", "65", "70"))),
      new Family("programming", words(
          "how do I {0} a {1} in {2}?",
          "how can I {0} a {1} in {2}?",
          "what's the idiomatic way to {0} a {1} in {2}?"),
          List.of(
              words("reverse", "sort", "flatten", "deduplicate", "iterate over", "serialize", "deep copy", "merge",
                  "filter", "shuffle", "split", "parse", "hash", "compress", "validate"),
              words("list", "dictionary", "string", "array", "linked list", "JSON object", "CSV file", "set",
                  "tuple", "matrix", "byte buffer", "XML document", "date string", "binary tree"),
              words("Python", "Java", "JavaScript", "Go", "Rust", "C#", "Kotlin", "Ruby", "PHP", "Swift",
                  "TypeScript", "C++", "Scala", "Haskell", "Elixir", "Dart", "Lua", "Perl"))),
      new Family("translation", words(
          "how do you say \"{0}\" in {1}?",
          "how would you say \"{0}\" in {1}?",
          "what is the {1} translation of \"{0}\"?"),
          List.of(
              words("where is the train station", "I would like a coffee", "how much does this cost",
                  "nice to meet you", "I am lost", "can I have the bill", "what time is it", "I am allergic to nuts",
                  "happy birthday", "see you tomorrow", "I love this city", "where is the bathroom",
                  "good luck with your exams", "the weather is lovely today", "could you speak more slowly",
                  "I need a doctor", "is breakfast included", "thank you for your help", "I am a vegetarian",
                  "what do you recommend"),
              words("French", "Spanish", "German", "Italian", "Portuguese", "Dutch", "Japanese", "Korean", "Mandarin",
                  "Polish", "Greek", "Turkish", "Swedish", "Czech", "Hungarian", "Finnish"))));

  /** Families never stored: the miss probes. */
  static final List<Family> UNRELATED = List.of(
      new Family("poem", words("write a short poem about {0} in the style of {1}"), List.of(
          words("the ocean", "a lighthouse", "autumn leaves", "a lost cat", "city rain", "an old piano",
              "the first snow", "a desert highway", "a paper boat", "midnight trains", "a forgotten garden",
              "the northern lights", "a broken clock", "fireflies", "a mountain lake", "grandmother's kitchen",
              "a thunderstorm", "an empty stadium", "a library at night", "the moon landing"),
          words("Emily Dickinson", "Pablo Neruda", "Walt Whitman", "Sylvia Plath", "Basho", "Rumi",
              "Robert Frost", "Langston Hughes", "Mary Oliver", "Shakespeare", "Wislawa Szymborska", "Rilke"))),
      new Family("book", words("recommend a {0} novel that feels like {1}"), List.of(
          words("science fiction", "historical", "mystery", "fantasy", "literary", "horror", "romance",
              "thriller", "magical realism", "dystopian", "coming-of-age", "epistolary"),
          words("Dune", "Middlemarch", "The Secret History", "Pride and Prejudice", "Never Let Me Go",
              "One Hundred Years of Solitude", "The Name of the Rose", "Station Eleven", "Rebecca",
              "The Left Hand of Darkness", "Wolf Hall", "Piranesi", "The Remains of the Day", "Beloved",
              "The Master and Margarita"))),
      new Family("history", words("what were the main consequences of the {0} for {1}?"), List.of(
          words("Treaty of Westphalia", "Black Death", "printing press", "Congress of Vienna", "Meiji Restoration",
              "Suez Crisis", "fall of Constantinople", "Hanseatic League", "Dust Bowl", "Marshall Plan",
              "Silk Road trade", "Columbian exchange", "Glorious Revolution", "Partition of India"),
          words("European diplomacy", "ordinary farmers", "the Catholic Church", "global trade", "women's rights",
              "the textile industry", "urban planning", "the arts", "public health", "maritime law"))));

  /**
   * Word swaps of the synonym paraphrase, tried in order (the first that occurs in the prompt).
   * None brings in a number, a negation or an opposite the guards would refuse, and no replacement
   * is a word of the stored vocabulary (else a paraphrase could be another stored prompt).
   */
  static final String[][] SYNONYMS = {
      {"cheapest", "most affordable"}, {"afford", "pay for"}, {"dollars", "USD"}, {"people", "guests"},
      {"steps", "instructions"}, {"the best way", "the recommended way"}, {"should I", "ought I to"},
      {"idiomatic", "most natural"}, {"How do you say", "How would one say"}, {"how do you say", "how does one say"},
      {"translation", "rendering"}, {"right time", "ideal moment"}, {"plant", "sow"}, {"get", "travel"},
      {"what's", "what is"}, {"how do I", "how would I"}, {"how can I", "how could I"}, {"method", "technique"},
      {"put aside", "set aside"}, {"per week", "weekly"},
  };
}
