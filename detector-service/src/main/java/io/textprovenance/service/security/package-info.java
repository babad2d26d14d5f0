/** API-key authentication on /v1/**, off in the local profile. */
package io.textprovenance.service.security;
