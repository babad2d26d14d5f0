/*
 * The console's two sample texts.
 *
 * human: the bagpipes passage of "Three Men in a Boat" by Jerome K. Jerome (1889), Project Gutenberg ebook #308
 *   (https://www.gutenberg.org/ebooks/308), public domain in the USA; taken verbatim from the shared corpus
 *   corpora/gutenberg (document 68 of its shards, chunk 20 of the book, first four paragraphs; that corpus's
 *   README describes its cleaning).
 * machine: a bland chat-assistant answer, machine-generated for this console by the AI coding assistant that
 *   wrote it (a large language model, not the service's SmolLM2), in the style of an instruction-tuned chat model.
 *   No license restrictions.
 */
(function (root) {
  'use strict';
  var samples = {
    human: "I knew a young fellow once, who was studying to play the bagpipes, and you would be surprised at the amount of opposition he had to contend with. Why, not even from the members of his own family did he receive what you could call active encouragement. His father was dead against the business from the beginning, and spoke quite unfeelingly on the subject.\nMy friend used to get up early in the morning to practise, but he had to give that plan up, because of his sister. She was somewhat religiously inclined, and she said it seemed such an awful thing to begin the day like that.\nSo he sat up at night instead, and played after the family had gone to bed, but that did not do, as it got the house such a bad name. People, going home late, would stop outside to listen, and then put it about all over the town, the next morning, that a fearful murder had been committed at Mr. Jefferson’s the night before; and would describe how they had heard the victim’s shrieks and the brutal oaths and curses of the murderer, followed by the prayer for mercy, and the last dying gurgle of the corpse.\nSo they let him practise in the day-time, in the back-kitchen with all the doors shut; but his more successful passages could generally be heard in the sitting-room, in spite of these precautions, and would affect his mother almost to tears.",
    machine: "Great question! There are several key factors to consider when choosing a programming language for your next project. First, it is important to think about the specific requirements of the project, such as performance, scalability, and ease of maintenance. Second, you should consider the experience and preferences of your team, since a familiar language can help you deliver results more efficiently. Additionally, the availability of libraries, frameworks, and community support can play a significant role in your decision. For example, Python is often a great choice for data analysis and machine learning, while JavaScript is widely used for web development. Ultimately, the best language is the one that aligns with your goals and helps you build a reliable, maintainable solution. If you have any more questions or would like specific recommendations, feel free to ask!"
  };
  if (typeof module === 'object' && module.exports) {
    module.exports = samples;
  } else {
    root.ConsoleSamples = samples;
  }
})(this);
