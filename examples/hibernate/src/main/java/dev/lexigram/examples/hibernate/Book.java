package dev.lexigram.examples.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** An entity in the region "books" (declared in lexigram-cache.yaml). */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE, region = "books")
public class Book {
  @Id private Long id;
  private String title;

  @ManyToOne(fetch = FetchType.LAZY)
  private Author author;

  protected Book() {}

  public Book(Long id, String title, Author author) {
    this.id = id;
    this.title = title;
    this.author = author;
    author.getBooks().add(this);
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public Author getAuthor() {
    return author;
  }
}
