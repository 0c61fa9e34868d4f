/** The error source monitoring raises about one URL: the message is one line, the URL is named apart. */
export class UrlError extends Error {
  constructor(readonly url: string, message: string) {
    super(message);
  }
}
