/** RFC 9457 problem+json for every error; no stack traces in responses. */
package io.textprovenance.service.problem;
