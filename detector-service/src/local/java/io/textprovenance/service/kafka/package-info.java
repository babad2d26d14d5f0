/** The in-process KRaft broker of the local profile: only in the jar Maven's -Plocal builds (run-service.sh). */
package io.textprovenance.service.kafka;
