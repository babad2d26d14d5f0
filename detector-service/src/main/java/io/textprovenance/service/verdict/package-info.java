/** REST and the verdict: requests, the verdict record, its policy and the service that computes it. */
package io.textprovenance.service.verdict;
