/** A saved-object file that cannot be read as one: the message names the file and what is wrong in it. */
export class SavedObjectFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A saved object the query runner cannot turn into a search: a reference that does not resolve, an aggregation it does not know. */
export class SavedObjectQueryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An index template that composes a component template it is not given: provisioning would refuse it too. */
export class MissingComponentTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
